/**
 * Characters XML 1.0 cannot carry at all (§2.2 Char: C0 controls but tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF). Content validation refuses them on every write; an item stored before it did may still
 * hold one, and a single one makes a whole feed unreadable to every subscriber, so feeds replace what is
 * left with U+FFFD. Zod-free, for the site bundle.
 */
const notXmlChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

export const xmlCharsOnly = (xml: string): string => xml.replace(notXmlChar, '\ufffd')
