import { createMemoryStore } from '../support/memoryStore.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('the in-memory store', createMemoryStore);
