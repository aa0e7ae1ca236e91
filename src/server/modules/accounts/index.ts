export { accountsRepository } from './accounts.repository.js';
export { accountsService, csrfTokenFor, type AccountsService } from './accounts.service.js';
export { accountsRoutes } from './accounts.routes.js';
export type { AuthContext } from './auth-context.js';
