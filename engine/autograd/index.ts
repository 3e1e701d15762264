/**
 * The tensors console: import it from `engine/autograd` (it is not re-exported by
 * `engine/index.ts`, so lessons that do not run Python never load the grammar).
 */
export {
  Runtime,
  MAX_DIMS,
  MAX_ELEMENTS,
  type BackwardTrace,
  type Edge,
  type Grad,
  type GradFlow,
  type GradNode,
  type NodeInput,
  type RTensor,
  type Storage,
  type ViewMeta,
} from './runtime';
export * from './program';
