/** The place a checker message names after its text, said once (the engine's placeAfter), for the page-text layer. */
export { placeAfter } from '../engine';
