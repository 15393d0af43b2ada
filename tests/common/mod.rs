//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// A test's own folder under the system's temporary folder, removed when the test ends (passed
/// or not), so that test runs leave nothing behind.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `test` names the folder (with the process id), so tests running at once never share one.
    pub fn new(test: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("newslens-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        Scratch(d)
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
