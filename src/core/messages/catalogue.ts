/** The shape of a message catalogue: one function per code, given the message's parameters. */
import type { MessageParams } from '../result';

export type Params = MessageParams;
export type Catalogue = Record<string, (p: Params) => string>;
