import { countries } from '../contracts/countries.js';
import { check } from '../domain/trips/departure.js';
// Breaks web-not-server: the web app knows the server only through contracts and HTTP.
import { loadConfig } from '../server/config.js';

export const Page = () => [countries, check, loadConfig];
