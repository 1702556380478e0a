import type { z } from 'zod';
import type { tenantInfoSchema } from '../contract/api.js';

/** Organization name, demo flag and helpdesk contact, as the API's /tenant shows them. */
export type TenantInfo = z.infer<typeof tenantInfoSchema>;
