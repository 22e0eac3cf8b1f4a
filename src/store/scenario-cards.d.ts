declare module 'virtual:scenario-cards' {
  const cards: readonly import('./catalog-cards').ScenarioCard[];
  export default cards;
}
