(export area circumference shout feature)
