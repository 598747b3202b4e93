export { dockerClient, engineAddress, engineAvailable, isNotFound } from "./client.js";
export { LABELS, labelFilter } from "./labels.js";
export { removeLabelled } from "./cleanup.js";
export { ensureTestImage, TEST_IMAGE, TEST_IMAGE_ALIASES } from "./test-image.js";
export { tarArchive, type TarEntry } from "./tar.js";
