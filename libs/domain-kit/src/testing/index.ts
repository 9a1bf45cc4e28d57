export { deciderSpec } from './given-when-then';
