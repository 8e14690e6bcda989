//! Not written yet.

use super::PlatformImporter;

pub fn importers() -> Vec<&'static dyn PlatformImporter> {
    Vec::new()
}
