//! "Did you mean" suggestions: the nearest name by edit distance.

/// Edit distance with adjacent transpositions (optimal string alignment),
/// for "did you mean" suggestions: `itme` is one edit from `item`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d: Vec<usize> = (0..(a.len() + 1) * width)
        .map(|k| if k < width { k } else { 0 })
        .collect();
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j - 1] + cost)
                .min(d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidate closest to `name` within a third of its length in edits
/// (ties go to the alphabetically first), for "did you mean" help.
pub fn closest_name<S: AsRef<str>>(
    name: &str,
    candidates: impl Iterator<Item = S>,
) -> Option<String> {
    let limit = name.chars().count() / 3;
    if limit == 0 {
        return None;
    }
    candidates
        .filter(|c| c.as_ref() != name)
        .filter(|c| c.as_ref().chars().count().abs_diff(name.chars().count()) <= limit)
        .map(|c| (edit_distance(name, c.as_ref()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.as_ref().cmp(b.1.as_ref())))
        .map(|(_, c)| c.as_ref().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_a_transposition_as_one_edit() {
        assert_eq!(edit_distance("itme", "item"), 1);
        assert_eq!(edit_distance("lenght", "length"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn the_closest_name_is_within_a_third_of_the_length() {
        let names = ["length", "list", "lambda"];
        assert_eq!(
            closest_name("lenght", names.iter()),
            Some("length".to_string())
        );
        assert_eq!(closest_name("xyzzy", names.iter()), None);
        assert_eq!(closest_name("li", names.iter()), None);
    }
}
