declare module 'virtual:scenario-cards' {
  const cards: readonly import('./catalog-cards').ScenarioCard[];
  export default cards;
}

/**
 * The build's checked data of the bundled scenarios (vite.config.ts): the library's JSON at once, and
 * each scenario's and translation's JSON in a chunk of its own, loaded when the page starts.
 */
declare module 'virtual:scenario-data' {
  type Load = () => Promise<{ readonly default: string }>;
  export const library: string;
  export const scenarios: Readonly<Record<string, Load>>;
  export const overlays: Readonly<Record<string, Readonly<Record<string, Load>>>>;
}
