//! Binary dataset format (placeholder: being written).
use super::Dataset;

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    Empty,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "dataset is empty")
    }
}
impl std::error::Error for FormatError {}

pub fn decode(_bytes: &[u8]) -> Result<Dataset, FormatError> {
    Err(FormatError::Empty)
}

pub fn encode(_d: &Dataset) -> Vec<u8> {
    Vec::new()
}
