/** A file's text, as webpack's `asset/source` gives it for `import text from '…?raw'`. */
declare module '*?raw' {
  const text: string;
  export default text;
}
