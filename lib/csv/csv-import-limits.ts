// The import caps, in their own module so a browser bundle (an upload dialog checking the file's
// size first) can read them without pulling in the parser.
export const CSV_IMPORT_LIMITS = { maxBytes: 512 * 1024, maxRows: 5000 } as const;
