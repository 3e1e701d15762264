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
