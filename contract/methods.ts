import { z } from 'zod';
import { methodTypes } from './method-traits.js';

// Types and traits live in a zod-free file so the renderer can use them without zod.
export { methodTraits, methodTypes, resetOnlyMethods, type MethodType } from './method-traits.js';
export const methodTypeSchema = z.enum(methodTypes);

/** A registered method as its owner sees it: never a secret, at most a masked hint. */
export const registeredMethodSchema = z.object({
  id: z.string().min(1).max(64),
  type: methodTypeSchema,
  /** Name given by the user (authenticator app) or a masked address (`a•••@contoso.com`). */
  label: z.string().max(200),
  createdAt: z.string().datetime(),
});
export type RegisteredMethod = z.infer<typeof registeredMethodSchema>;
