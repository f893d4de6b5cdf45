//! What the operating system says about this process's memory: the figures
//! the memory bound (`--max-memory`) and native stack growth are checked
//! against. Linux reads `/proc`; elsewhere every figure is unknown (`None`)
//! and the checks that need one pass.

/// This process's address space in bytes (`None` when unknown).
pub fn address_space_bytes() -> Option<usize> {
    statm_bytes(0)
}

/// The process's address-space limit (`ulimit -v`), read once (`None` when
/// unlimited or unknown).
pub fn address_space_limit() -> Option<usize> {
    static LIMIT: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
        let line = limits
            .lines()
            .find(|l| l.starts_with("Max address space"))?;
        line.split_whitespace().nth(3)?.parse().ok()
    })
}

/// This process's resident memory in bytes (`None` when unknown).
pub fn resident_bytes() -> Option<usize> {
    statm_bytes(1)
}

/// Field `index` of `/proc/self/statm` (a count of pages), in bytes.
fn statm_bytes(index: usize) -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(index)?.parse().ok()?;
    Some(pages * 4096)
}
