import { rendererFor } from '../../render/formats';
import { unsetPlan } from '../../render/plan';
import type { CommandOf } from '../command';

/** `awsenv unset`: the code that clears everything an export sets. */
export const unsetCommand = async (command: CommandOf<'unset'>): Promise<string> => rendererFor(command.format).render(unsetPlan());
