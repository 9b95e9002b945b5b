//! A minimal flag parser shared by the subcommands: `--flag value`,
//! `--flag=value` and bare `--switch`. Unknown flags are errors, so a typo
//! never silently changes what is screened.

use anyhow::{bail, Result};

pub struct Args {
    pairs: Vec<(String, Option<String>)>,
}

impl Args {
    /// Parses `argv`; `valued` lists the flags that take a value, `switches`
    /// those that do not.
    pub fn parse(argv: &[String], valued: &[&str], switches: &[&str]) -> Result<Args> {
        let mut pairs = Vec::new();
        let mut it = argv.iter();
        while let Some(a) = it.next() {
            let (flag, inline) = match a.split_once('=') {
                Some((f, v)) if a.starts_with("--") => (f.to_string(), Some(v.to_string())),
                _ => (a.clone(), None),
            };
            if valued.contains(&flag.as_str()) {
                let v = match inline {
                    Some(v) => v,
                    None => match it.next() {
                        Some(v) => v.clone(),
                        None => bail!("{flag} needs a value"),
                    },
                };
                pairs.push((flag, Some(v)));
            } else if switches.contains(&flag.as_str()) && inline.is_none() {
                pairs.push((flag, None));
            } else {
                bail!("unexpected argument {a:?}");
            }
        }
        Ok(Args { pairs })
    }

    /// The last value given for `flag`.
    pub fn value(&self, flag: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(f, _)| f == flag)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Every value given for a repeatable flag, in order.
    pub fn values(&self, flag: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(f, _)| f == flag)
            .filter_map(|(_, v)| v.as_deref())
            .collect()
    }

    pub fn has(&self, flag: &str) -> bool {
        self.pairs.iter().any(|(f, _)| f == flag)
    }

    /// Parses the value of `flag` with `FromStr`, naming the flag on error.
    pub fn parsed<T: std::str::FromStr>(&self, flag: &str) -> Result<Option<T>> {
        match self.value(flag) {
            None => Ok(None),
            Some(v) => match v.parse() {
                Ok(x) => Ok(Some(x)),
                Err(_) => bail!("{flag}: cannot parse {v:?}"),
            },
        }
    }
}
