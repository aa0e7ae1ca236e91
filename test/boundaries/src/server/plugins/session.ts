import { auth } from './auth.js';

export const session = () => typeof auth;
