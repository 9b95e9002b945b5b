//! `entity-screen search` (being written).

pub fn run(_argv: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("not yet implemented")
}
