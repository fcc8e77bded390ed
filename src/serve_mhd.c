/* serve_mhd: libmicrohttpd, loaded when serve starts; see serve_internal.h.
 * kaikuprint is not linked with libmicrohttpd: the library and the GnuTLS
 * it brings (nine shared libraries with their constructors) cost every
 * render about 6 million instructions and 2-3 ms of start-up, for a server
 * that only `serve` runs. This file defines the libmicrohttpd functions the
 * serve_*.c files call, each passing its arguments on to the library's own,
 * found by serve_mhd_load. */
#include "serve_internal.h"
#include "diag.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <string.h>

/* The soname of libmicrohttpd's ABI 12 (Debian's libmicrohttpd12). */
#define MHD_SONAME "libmicrohttpd.so.12"

static struct {
	struct MHD_Daemon *(*start_daemon_va)(unsigned, uint16_t, MHD_AcceptPolicyCallback, void *,
					      MHD_AccessHandlerCallback, void *, va_list);
	void (*stop_daemon)(struct MHD_Daemon *);
	const char *(*lookup_connection_value)(struct MHD_Connection *, enum MHD_ValueKind,
					       const char *);
	enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned, struct MHD_Response *);
	struct MHD_Response *(*create_response_from_buffer)(size_t, void *,
							    enum MHD_ResponseMemoryMode);
	void (*destroy_response)(struct MHD_Response *);
	enum MHD_Result (*add_response_header)(struct MHD_Response *, const char *, const char *);
	struct MHD_PostProcessor *(*create_post_processor)(struct MHD_Connection *, size_t,
							   MHD_PostDataIterator, void *);
	enum MHD_Result (*post_process)(struct MHD_PostProcessor *, const char *, size_t);
	enum MHD_Result (*destroy_post_processor)(struct MHD_PostProcessor *);
} mhd;

/* One symbol of LIB into *FN; 0, or -1 after reporting. */
static int find(void *lib, const char *name, void *fn)
{
	void *sym = dlsym(lib, name);
	if (!sym) {
		diag_plain(DIAG_FATAL, "%s has no %s: %s", MHD_SONAME, name, dlerror());
		return -1;
	}
	memcpy(fn, &sym, sizeof(sym)); /* ISO C has no cast from void * to a function pointer */
	return 0;
}

int serve_mhd_load(void)
{
	static void *lib;
	if (lib)
		return 0;
	lib = dlopen(MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		diag_plain(DIAG_FATAL, "cannot load libmicrohttpd (install libmicrohttpd12): %s",
			   dlerror());
		return -1;
	}
	if (find(lib, "MHD_start_daemon_va", &mhd.start_daemon_va) ||
	    find(lib, "MHD_stop_daemon", &mhd.stop_daemon) ||
	    find(lib, "MHD_lookup_connection_value", &mhd.lookup_connection_value) ||
	    find(lib, "MHD_queue_response", &mhd.queue_response) ||
	    find(lib, "MHD_create_response_from_buffer", &mhd.create_response_from_buffer) ||
	    find(lib, "MHD_destroy_response", &mhd.destroy_response) ||
	    find(lib, "MHD_add_response_header", &mhd.add_response_header) ||
	    find(lib, "MHD_create_post_processor", &mhd.create_post_processor) ||
	    find(lib, "MHD_post_process", &mhd.post_process) ||
	    find(lib, "MHD_destroy_post_processor", &mhd.destroy_post_processor)) {
		dlclose(lib);
		lib = NULL;
		return -1;
	}
	return 0;
}

struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port,
				    MHD_AcceptPolicyCallback apc, void *apc_cls,
				    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	struct MHD_Daemon *d;
	va_list ap;
	va_start(ap, dh_cls);
	d = mhd.start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return d;
}

void MHD_stop_daemon(struct MHD_Daemon *daemon)
{
	mhd.stop_daemon(daemon);
}

const char *MHD_lookup_connection_value(struct MHD_Connection *connection,
					enum MHD_ValueKind kind, const char *key)
{
	return mhd.lookup_connection_value(connection, kind, key);
}

enum MHD_Result MHD_queue_response(struct MHD_Connection *connection, unsigned int status_code,
				   struct MHD_Response *response)
{
	return mhd.queue_response(connection, status_code, response);
}

struct MHD_Response *MHD_create_response_from_buffer(size_t size, void *buffer,
						     enum MHD_ResponseMemoryMode mode)
{
	return mhd.create_response_from_buffer(size, buffer, mode);
}

void MHD_destroy_response(struct MHD_Response *response)
{
	mhd.destroy_response(response);
}

enum MHD_Result MHD_add_response_header(struct MHD_Response *response, const char *header,
					const char *content)
{
	return mhd.add_response_header(response, header, content);
}

struct MHD_PostProcessor *MHD_create_post_processor(struct MHD_Connection *connection,
						    size_t buffer_size, MHD_PostDataIterator iter,
						    void *iter_cls)
{
	return mhd.create_post_processor(connection, buffer_size, iter, iter_cls);
}

enum MHD_Result MHD_post_process(struct MHD_PostProcessor *pp, const char *post_data,
				 size_t post_data_len)
{
	return mhd.post_process(pp, post_data, post_data_len);
}

enum MHD_Result MHD_destroy_post_processor(struct MHD_PostProcessor *pp)
{
	return mhd.destroy_post_processor(pp);
}
