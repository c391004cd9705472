/** scripts/build.ts loads `.css` imports as text (the card adopts it as a constructed sheet). */
declare module '*/card.css' {
  const text: string;
  export default text;
}
