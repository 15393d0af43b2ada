//! Where things sit in a document: the entity ending or starting at a byte, and whether a span
//! is inside a quotation. Binary searches over the sorted, non-overlapping entities and
//! quotations the stages pass around; O(log n) each.

use crate::analysis::Entity;
use crate::text::Span;

/// The entity (sorted, non-overlapping) that ends at byte `end`, if any.
pub fn entity_ending_at(ents: &[Entity], end: usize) -> Option<Entity> {
    let i = ents.partition_point(|e| e.span.end < end);
    ents.get(i).filter(|e| e.span.end == end).copied()
}

/// The entity (sorted, non-overlapping) that starts at byte `b`, if any.
pub fn entity_starting_at(ents: &[Entity], b: usize) -> Option<&Entity> {
    let i = ents.partition_point(|e| e.span.start < b);
    ents.get(i).filter(|e| e.span.start == b)
}

/// Is `span` inside one of `quotes` (sorted, non-overlapping)?
pub fn in_quote(span: Span, quotes: &[Span]) -> bool {
    let i = quotes.partition_point(|q| q.start <= span.start);
    i > 0 && quotes[i - 1].contains(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Label;

    #[test]
    fn entities_are_found_by_their_first_and_last_byte() {
        let e = |a, b| Entity {
            span: Span::new(a, b),
            label: Label::Per,
        };
        let ents = [e(0, 3), e(5, 9), e(12, 20)];
        assert_eq!(entity_ending_at(&ents, 9), Some(e(5, 9)));
        assert_eq!(entity_ending_at(&ents, 10), None);
        assert_eq!(entity_starting_at(&ents, 12), Some(&e(12, 20)));
        assert_eq!(entity_starting_at(&ents, 13), None);
        assert_eq!(entity_starting_at(&[], 0), None);
    }

    #[test]
    fn a_span_is_in_a_quote_only_when_the_quote_holds_all_of_it() {
        let quotes = [Span::new(10, 20), Span::new(30, 40)];
        assert!(in_quote(Span::new(10, 20), &quotes));
        assert!(in_quote(Span::new(32, 35), &quotes));
        assert!(!in_quote(Span::new(18, 22), &quotes));
        assert!(!in_quote(Span::new(0, 5), &quotes));
        assert!(!in_quote(Span::new(25, 28), &quotes));
    }
}
