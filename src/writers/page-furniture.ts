// Where the page furniture stands, in every writer that sets pages.

/** The footer's line (its page number's dashes) stands this far below the type area, mm (GB/T 9704: 7 mm). */
export const FOOTER_GAP_MM = 7;
