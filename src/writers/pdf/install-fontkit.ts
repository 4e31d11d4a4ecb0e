// Imported before pdfmake (see fonts.ts): installs the shared, caching fontkit in
// the module cache, so pdfkit reuses each parsed font instead of parsing it per document.
import { sharedFontkit } from '../../fonts/fontkit-shared.js';

sharedFontkit();
