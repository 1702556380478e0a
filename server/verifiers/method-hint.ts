import type { MethodChoice } from '../../contract/api.js';
import type { StoredMethod } from '../store/store.js';
import { maskEmail, maskPhone } from './mask.js';

/** How a registered method is shown to someone who has not proven who they are yet. */
export function methodChoice(method: StoredMethod): MethodChoice {
  switch (method.type) {
    case 'email':
      return { id: method.id, type: method.type, hint: maskEmail(method.address ?? '') };
    case 'sms':
    case 'voice':
      return { id: method.id, type: method.type, hint: maskPhone(method.address ?? '') };
    case 'authenticatorApp':
    case 'securityKey':
    case 'questions':
      return { id: method.id, type: method.type, hint: method.label };
  }
}

/** Methods that have a verifier in this version of the service (the rest come with their verifiers). */
export const verifiableTypes: ReadonlySet<StoredMethod['type']> = new Set(['authenticatorApp']);
