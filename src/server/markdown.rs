//! Markdown written by editors and trainers, rendered to HTML that is safe
//! to put in a page: no scripts, no event handlers, no `javascript:` links.

use pulldown_cmark::{html, Event, Options, Parser, TagEnd};
use std::collections::HashSet;

pub fn to_safe_html(markdown: &str) -> String {
    let mut raw = String::new();
    html::push_html(
        &mut raw,
        Parser::new_ext(
            markdown,
            Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
        ),
    );
    ammonia::Builder::default()
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("a", "target", "_blank")
        .clean(&raw)
        .to_string()
}

/// The first words of the text, without markup, for cards.
pub fn summary(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) => text.push(' '),
            _ => {}
        }
        if text.chars().count() > max_chars * 2 {
            break;
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() + 1 > max_chars {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_dangerous_links_are_removed() {
        let html = to_safe_html("Hola <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **bien**");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<strong>bien</strong>"), "{html}");
    }

    #[test]
    fn links_open_safely() {
        let html = to_safe_html("[sitio](https://example.com)");
        assert!(html.contains(r#"href="https://example.com""#));
        assert!(html.contains("noopener"));
    }

    #[test]
    fn summaries_are_plain_and_cut_at_a_word() {
        assert_eq!(
            summary("# Título\n\nUn **texto** con [enlace](https://e.com).", 100),
            "Título Un texto con enlace."
        );
        let s = summary(&"palabra ".repeat(50), 30);
        assert!(s.ends_with('…') && s.chars().count() <= 31, "{s}");
    }
}
