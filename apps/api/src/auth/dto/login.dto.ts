import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MeDto } from './me.dto';

export class LoginDto {
  // Not a demo account: clients and fuzzers that send the example must not lock a real login.
  @ApiProperty({ example: 'wang.fang@hospital.example' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class LoginAnswer {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 1800 })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Only for callers that use the session cookie instead of the token: send it as `X-CSRF-Token` on every POST, PUT, PATCH and DELETE',
  })
  csrfToken!: string;

  @ApiProperty({ type: MeDto })
  user!: MeDto;
}
