import { listLovedOnes } from './loved-ones.repository.js';

export const lovedOnesModule = () => ({ listLovedOnes });
