import { connect } from './connect.js';

export const migrate = () => connect();
