import { createMemoryStore } from '../support/memoryStore.js';
import { describeStoreContract } from './contract.js';
import { describeQuestionLogContract } from './questionLogContract.js';

describeStoreContract('the in-memory store', createMemoryStore);
describeQuestionLogContract('the in-memory store', createMemoryStore);
