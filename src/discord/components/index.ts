import { triviaArea } from '../trivia/triviaArea.js';
import { askArea } from './askArea.js';
import type { RegisteredArea } from './registry.js';

export { claimComponent, defineArea } from './registry.js';
export type { ClaimedComponent, ComponentArea, RegisteredArea } from './registry.js';

/**
 * THE list of custom-id areas. Every button and modal the bot sends is claimed by exactly one of
 * them; a new kind of button is a new area (or a new action of one), never a new branch here.
 */
export const COMPONENT_AREAS: readonly RegisteredArea[] = [askArea, triviaArea];
