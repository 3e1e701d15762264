export * from './spec';
export * from './convGrad';
export * from './ops';
export * from './params';
export * from './adam';
export * from './network';
export * from './compression';
export * from './upsample';
