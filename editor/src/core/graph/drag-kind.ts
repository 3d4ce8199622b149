/** The drag-and-drop payload type from the palette to the canvas: the node kind, as text. */
export const KIND_MIME = 'application/x-ordergraph-kind';
