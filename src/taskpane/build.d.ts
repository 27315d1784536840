/** Constants the build defines (webpack DefinePlugin); absent under Jest, hence the typeof guards. */
declare const __APP_VERSION__: string;
/** Default template file name → its content-hashed path in dist/ ("templates/to-trinh.1a2b3c4d.docx"). */
declare const __TEMPLATE_URLS__: Record<string, string>;
/** The offline page only (dist/thidua.html): default template file name → its bytes in base64, inlined. */
declare const __TEMPLATE_DATA__: Record<string, string>;
