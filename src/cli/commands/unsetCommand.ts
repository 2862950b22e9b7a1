import { rendererFor } from '../../render/formats';
import { shellClearPlan } from '../../render/shellPlans';
import type { CommandOf } from '../command';
import type { Wiring } from '../wire';

/** `awsenv unset`: the code that clears what an export set, and gives the user's region and profile back. */
export const unsetCommand = async (command: CommandOf<'unset'>, wiring: Wiring): Promise<string> => rendererFor(command.format).render(shellClearPlan(wiring.env));
