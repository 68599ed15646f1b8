// One run of text on a PDF page, in top-down coordinates (points from the page's top-left corner;
// `y` is the baseline).
export type PositionedText = { text: string; x: number; y: number; width: number; fontSize: number };

export type PositionedPage = { page: number; width: number; height: number; items: PositionedText[] };

// What the readers hand the splitter: one block of text in reading order, with what its layout
// says about it. A PDF line becomes one unit; a DOCX paragraph becomes one unit.
export type ComplaintUnit = {
  text: string;
  page: number | null;
  line: number | null;
  // A label the layout itself assigns (Word auto-numbering); null when the text may carry one.
  numberLabel: string | null;
  // Word auto-numbered sub-list item ("(a)"), already prefixed to `text`.
  subItem: boolean;
  heading: boolean;
  // Starts to the right of the body's left margin (a first-line indent or a block quote).
  indented: boolean;
};

export type ComplaintCount = { number: number; title: string };

export type SplitParagraph = {
  label: string;
  sortKey: number;
  page: number | null;
  line: number | null;
  heading: string | null;
  count: ComplaintCount | null;
  text: string;
};

export type SplitComplaint = { pages: number; paragraphs: SplitParagraph[] };
