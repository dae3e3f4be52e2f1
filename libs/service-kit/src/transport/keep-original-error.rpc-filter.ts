import { Catch, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns any error into `{status:'error', message:'Internal server error'}`; the
 * transport needs the original to tell a transient failure (wait, retry) from a refusal (park).
 */
@Catch()
export class KeepOriginalErrorRpcFilter implements ExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
