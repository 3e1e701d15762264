/** The two colour themes; the store holds one and links may name it (`theme=dark`). */
export type Theme = 'light' | 'dark';
