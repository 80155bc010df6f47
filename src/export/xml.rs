//! A small layer over quick-xml's writer for the XML formats (GEXF and
//! GraphML): elements with attributes, text elements, and escaping that
//! survives a round trip through any conforming parser.
//!
//! quick-xml escapes `<`, `>`, `&`, `'` and `"`, which is not enough for a
//! round trip: a parser normalises a tab, line feed or carriage return in
//! an attribute value to a space and a carriage return in text to a line
//! feed, and characters that XML 1.0 forbids (most C0 controls, U+FFFE,
//! U+FFFF) make the whole file unreadable. So values are escaped here:
//! those three whitespace characters become character references, and the
//! forbidden ones become U+FFFD, the replacement character.

use std::borrow::Cow;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

/// `s` escaped for an XML attribute value in double quotes or for text.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters that XML 1.0 does not allow in a document at all.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// An indented XML document being written to memory.
pub(crate) struct XmlWriter {
    w: Writer<Vec<u8>>,
}

impl XmlWriter {
    /// A document with its `<?xml version="1.0" encoding="UTF-8"?>` line.
    pub(crate) fn new() -> Self {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .expect("writing to memory");
        XmlWriter { w }
    }

    fn tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (k, v) in attrs {
            start.push_attribute(Attribute {
                key: QName(k.as_bytes()),
                value: Cow::Owned(escape(v).into_bytes()),
            });
        }
        start
    }

    /// `<name attrs...>`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.w
            .write_event(Event::Start(Self::tag(name, attrs)))
            .expect("writing to memory");
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        self.w
            .write_event(Event::End(BytesEnd::new(name)))
            .expect("writing to memory");
    }

    /// `<name attrs.../>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.w
            .write_event(Event::Empty(Self::tag(name, attrs)))
            .expect("writing to memory");
    }

    /// `<name attrs...>text</name>` on one line.
    pub(crate) fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escape(text))))
            .expect("writing to memory");
        self.close(name);
    }

    /// The document, ending with a line break.
    pub(crate) fn finish(self) -> String {
        let mut s = String::from_utf8(self.w.into_inner()).expect("written from UTF-8 strings");
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_whitespace_and_drops_forbidden_characters() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c'");
        assert_eq!(escape("x\ty\nz\r"), "x&#9;y&#10;z&#13;");
        assert_eq!(escape("bell\u{7}"), "bell\u{FFFD}");
        assert_eq!(escape("Шойгу الجيش 🚀"), "Шойгу الجيش 🚀");
    }

    #[test]
    fn elements_nest_and_indent() {
        let mut w = XmlWriter::new();
        w.open("a", &[("k", "v&")]);
        w.text("b", &[], "1 < 2");
        w.empty("c", &[("x", "\"")]);
        w.close("a");
        assert_eq!(
            w.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"v&amp;\">\n  <b>1 &lt; 2</b>\n  <c x=\"&quot;\"/>\n</a>\n"
        );
    }
}
