import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((m) =>
      m.startsWith('property ') && m.endsWith(' should not exist') ? `${path} is not a field this endpoint accepts` : m,
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Whitelisting validation: unknown fields are refused, every message names the field. */
export const apiValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(flatten(errors).join('; ')),
  });
