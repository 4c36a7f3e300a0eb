// Last in the metered build (entry.ts): the bundle's evaluation ends here.
import { evaluated } from './prelude';
evaluated();
