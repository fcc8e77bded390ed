/* image_probe: the pixel size of a PNG or JPEG file, read from its header. */
#ifndef KP_IMAGE_PROBE_H
#define KP_IMAGE_PROBE_H

/* Pixel size of a PNG or JPEG file. Returns 0, or -1 with *why set to the reason. */
int image_probe(const char *path, int *px_width, int *px_height, const char **why);

#endif
