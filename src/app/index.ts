export * from './import-document.js';
