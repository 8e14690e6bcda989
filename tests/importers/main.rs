//! Each platform's exports loaded as the program loads them: real files under
//! `tests/fixtures/real-exports`, and small files of each shape, encoding and mistake.

mod facebook_legacy;
mod ga4;
mod linkedin;
mod mapping;
mod meta;
mod metrica;
mod support;
mod tiktok;
mod tiktok_variants;
mod x;
mod youtube;
