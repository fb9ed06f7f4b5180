/** Text shown to people, in both shipped languages. */
export interface LocalText {
  zh: string;
  en: string;
}
